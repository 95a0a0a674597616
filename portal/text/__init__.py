"""Text handling that knows no files and no pages: traditional Mongolian script (`mongolian`),
numbers and Chinese numerals (`numerals`), dates and labels per language (`localize`), the
seed text's clean-up (`cleanup`), the one safe Markdown renderer (`markdown`), where glossary
terms occur (`terms`) and word or character diffs (`diff`)."""
