"""sqlite-utils plugin: `quotes_json` in `sqlite-utils query` and `sqlite_utils.Database`."""
from sqlite_utils import hookimpl

from . import sql_functions


@hookimpl
def prepare_connection(conn):
    sql_functions.register(conn)
