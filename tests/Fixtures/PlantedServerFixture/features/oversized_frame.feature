# The planted bug of examples/SampleServers/LengthPrefixed, for tests/Freeze.Tests: a server must refuse an
# oversized frame on its header; the sample server does with --size-check early, and by default believes the
# header and waits for the frame until its frame timeout. So exactly the cases against the default server
# fail. Not under features/: it must never be part of the green run.
@adversarial @oversized_frame
Feature: Planted server bug fixture

  Scenario Outline: an oversized header is refused at once (size check <check>)
    Given server "S" is the configured "sample" server with "--size-check <check> --frame-timeout 1500"
    And one of:
      | evil client "E" declares a u32be frame of 65537..1048576 bytes and waits 4000 ms |
      | evil client "E" declares a u32be frame of 4294967295 bytes and waits 4000 ms     |
    When evil client "E" attacks server "S"
    Then the server ended every connection of evil client "E" within 1000 ms
    And every connection of evil client "E" was told "exceeds the limit of 65536 bytes"

    Examples:
      | check |
      | late  |
      | early |
