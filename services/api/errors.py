"""The API's client errors: one clear line in `detail`, the right 4xx status."""

from __future__ import annotations

from fastapi import HTTPException

# 422 spelled as a number: Starlette renamed its constant (…_ENTITY → …_CONTENT) across versions
UNPROCESSABLE = 422


def unprocessable(message: str) -> HTTPException:
    return HTTPException(UNPROCESSABLE, message)


def not_found(message: str) -> HTTPException:
    return HTTPException(404, message)
