"""Outbound network safety shared by every component that calls a URL someone else gave us.

Imports none of streams/, services/ or alerts/, so both edges (webhook delivery in alerts/,
feed and page fetching in services/) can use the same guard.
"""
