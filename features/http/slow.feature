@io @http @http_slow
Feature: A slow HTTP peer, crossed with how the client asks and how long it waits
  The peer holds its response back before the status line, between header lines or before the body,
  or paces the body. A client that waits long enough gets the whole body, late; one whose give-up
  time (or per-attempt bound) is shorter times out with a clean prefix. Durations are measured from
  the start of the request, with generous bounds (the machine may be loaded).

  Scenario: every kind of delay only makes the response late
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    Given one of:
      | HTTP peer "EP" waits 150..250 ms before the status line |
      | HTTP peer "EP" waits 50..80 ms between headers          |
      | HTTP peer "EP" waits 150..250 ms before the body        |
      | HTTP peer "EP" sends its body at 5000 bytes per second  |
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
      | task "C" requests "/" from peer "EP" 2 times in parallel           |
    Then the outcome of task "C" is completed
    And task "C" received the payload of peer "EP" intact
    And the transfer of task "C" took at least 140 ms

  Scenario: a client that gives up before the response is complete times out
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And task "C" gives up after 150 ms
    Given one of:
      | HTTP peer "EP" waits 400 ms before the status line      |
      | HTTP peer "EP" waits 150 ms between headers             |
      | HTTP peer "EP" waits 400 ms before the body             |
      | HTTP peer "EP" sends its body at 2000 bytes per second  |
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is timeout
    And task "C" received a clean prefix of peer "EP"
    And the transfer of task "C" took at least 140 ms

  Scenario: a retrying client bounds each attempt, and a status line that never comes exhausts every retry
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" waits 2000 ms before the status line
    And task "C" gives each request attempt 100 ms
    And task "C" retries failed requests 1..2 times 10 ms apart
    When task "C" requests "/" from peer "EP"
    Then the outcome of task "C" is timeout
    And the transfer of task "C" took less than 1500 ms
    And counter "http_attempts_C" is at least 2

  Scenario: a retry after a slow first request gets the body in time
    Given an HTTP peer "EP" answering 200 with 1000 bytes
    And HTTP peer "EP" waits 3000 ms before the status line
    And HTTP peer "EP" misbehaves only on request 1
    And task "C" gives each request attempt 200 ms
    And task "C" retries failed requests 2 times 10 ms apart
    When one of:
      | task "C" requests "/" from peer "EP"                              |
      | task "C" requests "/" from peer "EP" reading the body byte by byte |
    Then the outcome of task "C" is completed
    And task "C" needed 2 attempts
    And task "C" received the payload of peer "EP" intact
    And peer "EP" received 2 requests on 2 connections
