"""A real SMTP server on this machine (aiosmtpd) for the tests: what Spil sends arrives here and
is read back as parsed mails. ``down()`` stops it (the mail server is down), ``up()`` starts it
again on the same port."""

from __future__ import annotations

import email
import socket
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def free_port(start: int = 17600, stop: int = 18600) -> int:
    for port in range(start, stop):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for the test mail server")


class MailServer:
    def __init__(self) -> None:
        self.inbox = _Inbox()
        self.port = free_port()
        self.controller: Controller | None = None

    def up(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def down(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return self.inbox.messages

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in m["X-Envelope-To"]]

    @staticmethod
    def text(message: EmailMessage) -> str:
        body = message.get_body(("plain",))
        assert body is not None
        return str(body.get_content())

    @staticmethod
    def html(message: EmailMessage) -> str:
        body = message.get_body(("html",))
        assert body is not None
        return str(body.get_content())
