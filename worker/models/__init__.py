"""Learned models shipped as data (JSON), written by the training commands in `bench/`."""
