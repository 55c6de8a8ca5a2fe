"""The local SQLite store: engine, sessions, migrations, lookups and search."""
