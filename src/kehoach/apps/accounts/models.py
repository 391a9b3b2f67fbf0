"""No models: roles are Django groups and memberships (see roles.py). This module makes Django send
this app post_migrate, where the role groups are created."""
