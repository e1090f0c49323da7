"""Tests of the involvement services, one module per service module."""
