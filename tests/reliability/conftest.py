from tests.central_server import central, central_template
from tests.sync.desk import desk, desk_template

__all__ = ["central", "central_template", "desk", "desk_template"]
