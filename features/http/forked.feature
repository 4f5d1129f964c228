@io @http @forked_peer
Feature: The HTTP faults hold across a real process boundary
  The HTTP peer runs as a forked child process (its script sent on stdin, its recorded requests
  coming back as events). A status, a cut, a lying length or TLS must look to HttpClient exactly as
  they do in-process. Process start costs ~100 ms, so this topic keeps a handful of cases.

  Scenario Outline: a forked HTTP peer's faults keep their meaning
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" <fault>
    And evil peer "EP" runs as a forked peer
    When task "C" requests "/" from peer "EP"
    Then the outcome of task "C" is <outcome>
    And task "C" received a clean prefix of peer "EP"
    And peer "EP" received 1 request

    Examples:
      | fault                                                  | outcome   |
      | cuts the body after 400 bytes and resets               | reset     |
      | claims a Content-Length 10 bytes shorter than its body | completed |

  Scenario: a forked HTTPS peer fails the first request, and a retrying client gets the body
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" fails the first 1 request with 503
    And evil peer "EP" speaks TLS
    And evil peer "EP" runs as a forked peer
    And task "C" retries failed requests 2 times 10 ms apart
    # A child's first handshake can take seconds on a loaded machine: the attempt bound must not be what is tested.
    And task "C" gives each request attempt 8000 ms
    And task "C" gives up after 20000 ms
    When task "C" requests "/items" from peer "EP"
    Then the outcome of task "C" is completed
    And task "C" needed 2 attempts
    And task "C" received the payload of peer "EP" intact
    And peer "EP" received 2 requests on 1 connection
    And request 2 to peer "EP" was GET "/items"
    And peer "EP" completed 1 TLS handshake
