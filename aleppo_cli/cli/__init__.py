"""The command line. ``aleppo_cli.cli:main`` is the console script's entry point."""


def main() -> None:
    """Run ``aleppo`` (the real entry point is ``aleppo_cli.cli.main.main``)."""
    from aleppo_cli.analysis import patterns

    patterns.preload(patterns.START)  # before the modules that compile them are imported
    from aleppo_cli.cli.main import main as run

    run()
