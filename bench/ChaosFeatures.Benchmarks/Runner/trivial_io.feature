@io
Feature: the benchmark's trivial io scenario
  The design's per-scenario budget: serve 256 bytes, download them, assert, in-process.

  Scenario: trivial download
    Given an evil peer "EP" serving 256 bytes
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
