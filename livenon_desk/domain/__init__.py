"""Pure return rules: statuses, the policy and its evaluation, business days, money.

Nothing here imports Qt or SQLAlchemy.
"""
