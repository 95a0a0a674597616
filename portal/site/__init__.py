"""Everything that turns the web pages into a published site: the static build (`build`), the
offline lists and the zip (`offline`), and the production server (`production`)."""
