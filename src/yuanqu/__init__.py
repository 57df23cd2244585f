"""yuanqu (园区): an open-source portal for China's industrial parks and development zones."""

__version__ = "0.1.0"
