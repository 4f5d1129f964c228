@adversarial @churn
Feature: Open/close churn leaves no descriptor and no CLOSE_WAIT behind
  An evil client opens and closes connections in a tight loop, four at a time, with FIN or with RST,
  saying something first or not. A server that leaks a descriptor per connection shows it after a few
  hundred; a correct one is back near its baseline soon after, with nothing in CLOSE_WAIT. Near, not at:
  the first resets make the .NET runtime of the sample server open its exception machinery's assemblies
  (System.Diagnostics.StackTrace, System.Reflection.Metadata, ...), 11 descriptors that stay, once, however
  many connections follow; the tolerance of 15 covers that, while a leak per connection would be 400.

  Scenario Outline: churn against <server>
    Given server "X" is the configured "<server>" server
    And evil client "E" opens and closes 400 connections, 4 at a time, sending <request>
    And any of:
      | evil client "E" closes with RST |
    When evil client "E" attacks server "X"
    And evil client "E" is done
    Then counter "evil_client_connected_E" equals 400
    And the open file descriptors of server "X" return to within 15 of the baseline within 10000 ms
    And server "X" has no connection in CLOSE_WAIT within 10000 ms
    And server "X" answers a legitimate client again within 10000 ms

    Examples:
      | server | request         |
      | sample | a 3-byte frame  |
      | redis  | "PING\r\\n"     |
