"""Alembic environment of the central server: runs on the connection the server hands
over, inside its transaction (no alembic.ini)."""

from alembic import context

from livenon_desk.central.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
