@adversarial @half_close
Feature: A client that half-closes still gets its answer
  The evil client sends a request, then its FIN (a half-close), and keeps reading. A server that takes
  the FIN for a full close drops the reply; one that never notices it keeps the connection in CLOSE_WAIT.

  Scenario Outline: <server> answers a request sent before the FIN, then closes
    Given server "X" is the configured "<server>" server
    And evil client "E" sends <request>, half-closes and reads for 10000 ms
    When evil client "E" attacks server "X"
    Then the server ended every connection of evil client "E" within 5000 ms
    And evil client "E" received <reply bytes> bytes
    And server "X" has no connection in CLOSE_WAIT within 5000 ms

    Examples:
      | server | request         | reply bytes |
      | sample | a 2-byte frame  | 7           |
      | redis  | "PING\r\\n"     | 7           |
