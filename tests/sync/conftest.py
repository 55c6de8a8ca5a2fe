from tests.central_server import (
    central,
    central_postgres,
    central_postgres_template,
    central_template,
    server,
)
from tests.sync.desk import desk, desk_template

__all__ = ["central", "central_postgres", "central_postgres_template", "central_template",
           "desk", "desk_template", "server"]
