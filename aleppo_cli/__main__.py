from aleppo_cli.cli import main

main()
