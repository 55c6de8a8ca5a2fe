"""Seeded demo data: a furniture catalogue, customers, orders and returns in every state."""
