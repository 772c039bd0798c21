"""The reference for start-up time: a minimal Typer app printing a rich Panel."""

import typer
from rich.console import Console
from rich.panel import Panel

app = typer.Typer()


@app.command()
def main() -> None:
    """Print a panel."""
    Console().print(Panel("Hello from a minimal Typer + rich app."))


if __name__ == "__main__":
    app()
