@io @tls @tls_proxy
Feature: A proxy that terminates TLS in front of a plain server, with toxics on the plaintext
  The toxic proxy speaks TLS to its clients and plain TCP to the peer behind it, so its toxics
  act on application bytes: a cut after N bytes leaves exactly N, latency and slicing change
  nothing but timing. HTTPS clients keep their TLS session on a kept-alive connection: one
  handshake per connection, not per request.

  Scenario: a cut after N plaintext bytes leaves exactly N, however the bytes are sliced
    Given an evil peer "EP" serving 1000 bytes
    And the proxy of peer "EP" speaks TLS to its clients
    And the proxy of peer "EP" cuts off after 1..999 bytes
    And task "C" uses the tls driver
    Given any of:
      | the proxy of peer "EP" slices into 10..100-byte segments |
      | evil peer "EP" slices output into 7..50-byte chunks      |
      | the proxy of peer "EP" ends TLS without close_notify     |
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then the outcome of task "C" is eof
    And task "C" received a clean prefix of peer "EP"
    And the proxy of peer "EP" completed 1 TLS handshake

  # The peer answers after 100 ms so that D's two requests are surely in flight together (with fast
  # answers HttpClient may serve the second on the first's connection once it is free).
  Scenario: HTTPS through the TLS proxy: one handshake per connection, whatever the toxics
    Given an HTTP peer "EP" answering 200 with 5000 bytes
    And HTTP peer "EP" waits 100 ms before the status line
    And the proxy of peer "EP" speaks TLS to its clients
    Given one of:
      | the proxy of peer "EP" adds 1..10 ms latency              |
      | the proxy of peer "EP" slices into 100..1000-byte segments |
      | the proxy of peer "EP" throttles to 1000 KB/s             |
    When task "C" requests "/" from peer "EP" 3 times in a row
    And task "D" requests "/" from peer "EP" 2 times in parallel
    Then all 3 requests of task "C" ended completed
    And all 2 requests of task "D" ended completed
    And task "C" received the payload of peer "EP" intact
    And the proxy of peer "EP" completed 3 TLS handshakes
    And peer "EP" received 5 requests on 3 connections

  Scenario Outline: HTTP faults behind the TLS proxy reach the HTTPS client unchanged
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" <fault>
    And the proxy of peer "EP" speaks TLS to its clients
    # Long enough for a TLS handshake and the headers on a loaded machine; only the short body waits it out.
    And task "C" gives up after 2000 ms
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is <outcome>
    And task "C" received a clean prefix of peer "EP"

    Examples:
      | fault                                                  | outcome   |
      | cuts the body after 0..999 bytes and closes            | eof       |
      | cuts the body after 0..999 bytes and resets            | reset     |
      | claims a Content-Length 1..50 bytes longer than its body | timeout |
      | sends a bad chunk size and closes                      | corrupt   |

  # The timeout toxic swallows data, then closes with a FIN and no close_notify: at a record boundary
  # SslStream reads that as a clean end, so the short download is eof, not a timeout of the client's.
  Scenario Outline: a reset or a timeout toxic behind the TLS listener ends the TLS download as it does in plain TCP
    Given an evil peer "EP" serving 1000 bytes
    And evil peer "EP" slices output into 50-byte chunks
    And evil peer "EP" delays 10 ms between chunks
    And the proxy of peer "EP" speaks TLS to its clients
    And the proxy of peer "EP" <toxic> after 20..60 ms
    And task "C" uses the tls driver
    And task "C" gives up after 2000 ms
    When one of:
      | task "C" downloads from peer "EP"              |
      | task "C" downloads from peer "EP" byte by byte |
    Then task "C" received a clean prefix of peer "EP"
    And the outcome of task "C" is <outcome>

    Examples:
      | toxic     | outcome |
      | resets    | reset   |
      | times out | eof     |
