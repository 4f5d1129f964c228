@io @http @keep_alive
Feature: Sequential keep-alive and parallel requests when one response misbehaves
  A task's requests go through one HttpClient, so requests in a row share a kept-alive connection
  and parallel ones open a connection each. When the peer breaks only one of the responses, the
  others must still arrive whole, and HttpClient must not reuse the broken connection.

  # The peer answers after 100 ms so that D's requests are surely in flight together (with fast answers
  # HttpClient may serve a later one on an earlier one's connection once it is free).
  Scenario: requests in a row share one connection, parallel ones open one each
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" waits 100 ms before the status line
    Given any of:
      | HTTP peer "EP" sends its body in 100..300-byte chunks |
      | the proxy of peer "EP" adds 1..5 ms latency           |
    When task "C" requests "/" from peer "EP" 4 times in a row
    And task "D" requests "/" from peer "EP" 3 times in parallel
    Then all 4 requests of task "C" ended completed
    And all 3 requests of task "D" ended completed
    And task "C" opened 1 connection to peer "EP"
    And task "D" opened 3 connections to peer "EP"
    And task "D" received the payload of peer "EP" intact

  Scenario: a server that closes after each response costs a connection per request
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" closes the connection after each response
    When one of:
      | task "C" requests "/" from peer "EP" 3 times in a row |
      | task "C" requests "/" from peer "EP" 3 times in parallel |
    Then all 3 requests of task "C" ended completed
    And task "C" opened 3 connections to peer "EP"
    And peer "EP" received 3 requests on 3 connections

  Scenario Outline: one broken response in a row breaks only its own request
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" <fault>
    And HTTP peer "EP" misbehaves only on request 2
    # Long enough for the good requests on a loaded machine; only the hanging one waits it out.
    And task "C" gives up after 2000 ms
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    And task "C" requests "/" from peer "EP" 2 times in a row
    Then the outcomes of task "C" are "<outcomes>"
    And task "C" received the payload of peer "EP" intact
    And task "C" opened 2 connections to peer "EP"

    Examples:
      | fault                                               | outcomes                     |
      | cuts the body after 0..999 bytes and closes         | completed, eof, completed    |
      | cuts the body after 0..999 bytes and resets         | completed, reset, completed  |
      | cuts the body after 0..999 bytes and hangs          | completed, timeout, completed |
      | sends a bad chunk size and closes                   | completed, corrupt, completed |
