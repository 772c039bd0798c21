from aleppo_cli.cli.main import main

main()
