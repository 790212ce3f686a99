"""The main-text finder: on raw page text, keep the article's span and drop the
menus, link lists and footers around it."""
