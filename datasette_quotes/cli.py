"""The `datasette-quotes` command line: a thin layer over the extractor and the store."""
import click

from . import __version__


@click.group()
@click.version_option(__version__, prog_name="datasette-quotes")
def cli():
    "Turn news articles into a database of who said what, and explore it in Datasette."
