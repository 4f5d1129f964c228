@adversarial @noise
Feature: Seeded random bytes and replayed requests
  Garbage from an evil client is drawn from its seed (by default one derived from the case's generation
  seed), so a failure replays byte for byte. Four random bytes read as a length header declare far more
  than the sample server's 64 KiB limit, so the fixed server refuses them on the header. Redis buffers an
  inline command without a line end up to its 64 KiB inline limit and refuses one byte more. Replayed
  valid requests are answered one by one.

  Scenario: random bytes are refused on their header by the fixed sample server
    Given server "S" is the configured "sample" server with "--size-check early"
    And evil client "E" sends 1024 random bytes and waits 5000 ms
    And evil client "E" uses 5 connections
    When evil client "E" attacks server "S"
    Then the server ended every connection of evil client "E" within 2000 ms
    And every connection of evil client "E" was told "exceeds the limit of 65536 bytes"
    And server "S" answers a legitimate client within 2000 ms

  Scenario Outline: redis buffers random bytes silently up to its inline limit and refuses one byte more
    Given server "R" is the configured "redis" server
    And evil client "E" sends <bytes> random bytes and waits 2000 ms
    And evil client "E" uses 5 connections
    And evil client "E" uses seed 7
    When evil client "E" attacks server "R"
    Then <silent> connections of evil client "E" got no reply
    And <refused> connections of evil client "E" were told "-ERR Protocol error: too big inline request"
    And server "R" answers a legitimate client within 2000 ms

    Examples:
      | bytes | silent | refused |
      | 65536 | 5      | 0       |
      | 65537 | 0      | 5       |

  Scenario Outline: replayed requests are each answered
    Given server "X" is the configured "<server>" server
    And evil client "E" replays <request> 100 times and waits 2000 ms
    When evil client "E" attacks server "X"
    Then evil client "E" received <reply bytes> bytes
    And evil client "E" closed every connection itself

    Examples:
      | server | request          | reply bytes |
      | sample | a 10-byte frame  | 1500        |
      | redis  | "PING\r\\n"      | 700         |
