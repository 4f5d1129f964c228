@io @records
Feature: Realistic payloads: fake records a client parses as it reads them

  The records are made by Bogus from the case's payload seed, so every run, replay and frozen scenario serves the
  same ones; a cut leaves the client with whole records plus at most a part of the next.

  Scenario Outline: whole records arrive intact through a slicing proxy
    Given an evil peer "EP" serving 200 fake records as <format>
    And the proxy of peer "EP" slices into 64-byte segments
    When task "C" downloads from peer "EP"
    Then task "C" received the payload of peer "EP" intact
    And task "C" received 200 complete <format> records

    Examples:
      | format |
      | jsonl  |
      | csv    |
      | frames |

  Scenario: a connection cut mid-stream leaves whole records and a partial one
    Given an evil peer "EP" serving 200 fake records as jsonl
    And the proxy of peer "EP" cuts off after 4000 bytes
    When task "C" downloads from peer "EP"
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is eof
    And task "C" received 4000 bytes

  Scenario: an upload of fake records reaches the peer intact
    Given an evil peer "EP" reading 64 bytes at a time
    When task "C" uploads 100 fake records as csv to peer "EP"
    Then peer "EP" read the upload of task "C" intact
