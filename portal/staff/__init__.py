"""The only code that writes content/: importing the seed text (`importer`), recording an
edition (`editions`) and stamping translations (`stamp`)."""
