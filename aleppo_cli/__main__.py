from aleppo_cli.cli.app import main

main()
