"""The central API's wire format, typed once: the bodies both sides send and the records
the server hands out, as pydantic models shared by the reference server and the desk's
client. Imports pydantic and the domain's enums only (no web framework, no database)."""
