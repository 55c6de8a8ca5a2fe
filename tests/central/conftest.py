from tests.central_server import central, central_template

__all__ = ["central", "central_template"]
