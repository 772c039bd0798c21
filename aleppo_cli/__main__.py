from aleppo_cli.analysis import patterns

patterns.preload(patterns.START)  # before the modules that compile them are imported

from aleppo_cli.cli.main import main  # noqa: E402

main()
