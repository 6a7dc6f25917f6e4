"""How people travel: walking on the street network and riding buses and trains (GTFS).

Load phase (``build_tools.build.inspect``) — the town's files become typed values, every problem
a :class:`~build_tools.problems.Problem` naming the file:

- :mod:`.osm` reads an OSM extract (``.osm.pbf`` or ``.osm``) with osmium; :mod:`.network`
  turns it into the walkable graph (:class:`~.network.StreetNetwork`) and gives the town map
  its main streets (:func:`~.network.main_streets`).
- :mod:`.gtfs` reads a GTFS feed (``gtfs.zip``) into arrays (:class:`~.gtfs.TransitFeed`).

Render phase — pure functions of those values:

- :mod:`.origins` places the people of each district (population grid, or a regular lattice
  for area shares); :mod:`.walking` measures walks on the network (scipy's Dijkstra) or, without
  one, along the straight line times the detour factor.
- :mod:`.hours` turns an offer's opening hours into the open spans of the day analysed.
- :mod:`.csa` is a profile Connection Scan: for every stop, the earliest arrival at an open offer
  for every departure; :mod:`.transit` puts walk + wait + ride + walk together per district.

:mod:`.synthetic` writes the sample town's street network and timetable (and the benchmark's).
"""
