@io @http @http_framing
Feature: Lying and broken HTTP framing crossed with how the client asks
  An HTTP/1.1 peer answers 200 with 1000 seeded bytes, framed honestly or not: a Content-Length that
  promises more than it sends or hides the tail, a chunked body cut in half or with a size that is not
  hexadecimal, a body that ends where the connection does. The client is a real HttpClient
  (SocketsHttpHandler); a request's outcome is what it made of the response, and the received steps
  judge the body against the peer's. Whatever the framing, what arrives is a clean prefix.

  Scenario: honest framings deliver the whole body to every request pattern
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given any of:
      | HTTP peer "EP" sends its body in 1..400-byte chunks     |
      | HTTP peer "EP" closes the connection after each response |
      | the proxy of peer "EP" slices into 50..200-byte segments |
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 3 times in a row              |
      | task "C" requests "/" from peer "EP" 3 times in parallel           |
    Then the outcome of task "C" is completed
    And the status of task "C" is 200
    And task "C" received the payload of peer "EP" intact

  Scenario: a body that ends where the connection does is whole, and each request needs its own connection
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" sends no length and ends the body by closing
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    And task "C" requests "/" from peer "EP" 2 times in a row
    Then the outcomes of task "C" are "completed, completed, completed"
    And task "C" received the payload of peer "EP" intact
    And task "C" opened 3 connections to peer "EP"

  Scenario: a Content-Length longer than the body, then a close, is eof with every byte sent
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" claims a Content-Length 1..500 bytes longer than its body
    And HTTP peer "EP" closes the connection after each response
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 2 times in a row              |
      | task "C" requests "/" from peer "EP" 2 times in parallel           |
    Then the outcome of task "C" is eof
    And the status of task "C" is 200
    And task "C" received the payload of peer "EP" intact

  Scenario: a Content-Length longer than the body on a kept-alive connection leaves the client waiting
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" claims a Content-Length 1..500 bytes longer than its body
    # Long enough for the whole body to arrive on a loaded machine before the client gives up on the rest.
    And task "C" gives up after 1500 ms
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is timeout
    And task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least 1490 ms

  Scenario: a Content-Length shorter than the body is taken at its word
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" claims a Content-Length 10 bytes shorter than its body
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    And task "C" requests "/" from peer "EP"
    Then the outcomes of task "C" are "completed, completed"
    And task "C" received 990 bytes
    And task "C" received a clean prefix of peer "EP"
    And peer "EP" received 2 requests on 2 connections

  Scenario Outline: a broken chunked body ends as its break does
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" sends its body in <size>-byte chunks
    And HTTP peer "EP" <fault>
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 2 times in a row              |
    Then the outcome of task "C" is <outcome>
    And the status of task "C" is 200
    And task "C" received a clean prefix of peer "EP"

    Examples:
      | size    | fault                                   | outcome |
      | 300     | cuts its last chunk in half and closes  | eof     |
      | 300     | cuts its last chunk in half and resets  | reset   |
      | 100..400 | sends a bad chunk size and closes      | corrupt |
