@adversarial @oversized_frame
Feature: A frame whose header promises more than the limit is refused on its header, before buffering
  What a chaos plan asks of a server: "an oversized message is rejected on its size header, before
  buffering". An evil client sends a length header that lies (up to 4 GB), then silence or a body. The
  sample server (examples/SampleServers/LengthPrefixed, limit 64 KiB) does it right with
  --size-check early; by default it has a planted bug and checks the size only after buffering the whole
  frame, which the scenarios marked "the planted bug" show. Redis refuses a bulk length past its 512 MB
  proto-max-bulk-len on the header.

  Scenario: the fixed sample server refuses an oversized header at once, whatever it promises
    Given server "S" is the configured "sample" server with "--size-check early --frame-timeout 5000"
    And one of:
      | evil client "E" declares a u32be frame of 65537..1048576 bytes and waits 6000 ms             |
      | evil client "E" declares a u32be frame of 4294967295 bytes and waits 6000 ms                 |
      | evil client "E" declares a u32be frame of 4294967295 bytes, sends 1048576 and waits 6000 ms  |
    And any of:
      | evil client "E" runs as a forked client |
    When evil client "E" attacks server "S"
    Then the server ended every connection of evil client "E" within 2000 ms
    And every connection of evil client "E" was told "exceeds the limit of 65536 bytes"
    And server "S" answers a legitimate client within 2000 ms

  Scenario: the default sample server believes a 4 GB header and waits the frame out (the planted bug)
    Given server "S" is the configured "sample" server with "--frame-timeout 2000"
    And evil client "E" declares a u32be frame of 4294967295 bytes and waits 6000 ms
    When evil client "E" attacks server "S"
    Then the server kept every connection of evil client "E" for at least 1900 ms
    And every connection of evil client "E" was told "frame not complete within 2000 ms"

  Scenario: the fixed sample server takes no body behind an oversized header and its memory stays put
    Given server "S" is the configured "sample" server with "--size-check early --frame-timeout 30000"
    And evil client "E" declares a u32be frame of 4294967295 bytes, sends 33554432 and waits 1000 ms
    When evil client "E" attacks server "S"
    And evil client "E" is done
    Then evil client "E" sent less than 33554432 bytes
    And the memory of server "S" grew by less than 16 MB

  Scenario: the default sample server buffers that body and its memory grows with it (the planted bug)
    Given server "S" is the configured "sample" server with "--frame-timeout 30000"
    And evil client "E" declares a u32be frame of 4294967295 bytes, sends 33554432 and waits 1000 ms
    When evil client "E" attacks server "S"
    And evil client "E" is done
    Then counter "evil_client_sent_bytes_E" equals 33554436
    And the memory of server "S" grew by at least 24 MB
    And server "S" answers a legitimate client within 2000 ms

  Scenario Outline: redis refuses a bulk length past its limit on the header
    Given server "R" is the configured "redis" server
    And evil client "E" declares a resp frame of <length> bytes and waits 6000 ms
    When evil client "E" attacks server "R"
    Then the server ended every connection of evil client "E" within 2000 ms
    And every connection of evil client "E" was told "-ERR Protocol error: invalid bulk length"
    And server "R" answers a legitimate client within 2000 ms

    Examples:
      | length              |
      | 536870913           |
      | 9223372036854775807 |
