"""Tests of the involvement pages, one module per views module."""
