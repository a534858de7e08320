"""Turn YAML about a ward's targets and key projects into a static website.

Data flows one way: `load` (YAML -> checked `model`) -> `pages` (view models, with
`charts`, `describe`, `fmt`) -> `render` (HTML) -> `generate` (pages as Markdown) ->
`plugin` (MkDocs). Only `plugin` and `cli` import MkDocs.
"""
