"""Easy Read versions of published texts: rows of one short idea with a picture, as pages and PDFs."""
