"""`sitmon alerts` answers SIGTERM during start-up (rebuild, group join, backlog) too, not only once ready."""

from __future__ import annotations

import asyncio

from services.cli.alerts import run_until_stopped


class StartingService:
    """Start-up that would last for ever, like a consumer-group join on a loaded broker."""

    def __init__(self, becomes_ready: bool) -> None:
        self.ready = asyncio.Event()
        self.becomes_ready = becomes_ready
        self.shut_down = False
        self.saw_stop_in_loop = False

    async def run(self, stop: asyncio.Event) -> None:
        try:
            if not self.becomes_ready:
                await asyncio.Event().wait()  # never ends by itself
            self.ready.set()
            await stop.wait()
            self.saw_stop_in_loop = True
        finally:
            self.shut_down = True


def test_a_stop_during_start_up_cancels_it_and_the_service_still_shuts_down() -> None:
    async def scenario() -> StartingService:
        service, stop = StartingService(becomes_ready=False), asyncio.Event()
        asyncio.get_running_loop().call_soon(stop.set)
        await run_until_stopped(service, stop)
        return service

    service = asyncio.run(scenario())
    assert service.shut_down and not service.ready.is_set()


def test_a_stop_once_ready_is_left_to_the_service_loop() -> None:
    async def scenario() -> StartingService:
        service, stop = StartingService(becomes_ready=True), asyncio.Event()
        task = asyncio.create_task(run_until_stopped(service, stop))
        await service.ready.wait()
        stop.set()
        await task
        return service

    service = asyncio.run(scenario())
    assert service.saw_stop_in_loop and service.shut_down
