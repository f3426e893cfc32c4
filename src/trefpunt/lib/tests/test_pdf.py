"""PDFs are rendered offline: only inline data: resources are fetched."""

import pytest

from trefpunt.lib.pdf import _offline_fetcher


def test_a_pdf_never_fetches_from_the_network_or_the_disk():
    fetcher = _offline_fetcher()

    with pytest.raises(ValueError):
        fetcher("https://example.org/logo.png")
    with pytest.raises(ValueError):
        fetcher("file:///etc/passwd")
