"""Where email applications come from (P1): an IMAP mailbox over TLS, and the ``.eml`` and
``.mbox`` files IT exports. Each source yields (where the message came from, its bytes);
the services take them. No Qt, no tables."""
