from tests.central_server import (
    central,
    central_postgres,
    central_postgres_template,
    central_template,
    server,
)

__all__ = ["central", "central_postgres", "central_postgres_template", "central_template",
           "server"]
