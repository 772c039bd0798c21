"""The command line. ``aleppo_cli.cli:main`` is the console script's entry point."""


def main() -> None:
    """Run ``aleppo`` (the real entry point is ``aleppo_cli.cli.app.main``)."""
    from aleppo_cli.cli.app import main as run

    run()
