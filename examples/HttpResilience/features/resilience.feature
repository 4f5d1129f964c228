@examples @http_resilience
Feature: HttpClient with the standard resilience handler when the network to a service lies
  What a team learns: what Microsoft.Extensions.Http.Resilience's standard handler really does for its HTTP calls
  when the network misbehaves: which faults it retries, how its attempt timeout ends a slow call, and which slowness
  it does not cover at all. The client is HttpClient from IHttpClientFactory with AddStandardResilienceHandler
  (2 retries 100 ms apart, no jitter), the server a small Kestrel service, the faults the toxic proxy's.

  Background:
    Given an orders service "API" serving 200 fake orders
    And evil peer "API" is fronted by a toxic proxy
    And a resilient HttpClient "H" for peer "API" with a 1000 ms attempt timeout

  Scenario: a reset mid-request is retried and the call succeeds
    When task "K" adds 400 ms latency to the proxy of peer "API"
    And task "C" sleeps 50 ms
    And task "C" gets the orders through "H"
    And task "K" waits until a client connects through the proxy of peer "API"
    And task "K" resets the connections of the proxy of peer "API"
    And task "K" removes the toxics of the proxy of peer "API"
    Then the outcome of task "C" is completed
    And task "C" received 200 complete jsonl records
    And counter "http_attempts_H" equals 2

  Scenario: latency above the attempt timeout times every attempt out
    When task "K" adds 3000 ms latency to the proxy of peer "API"
    And task "C" sleeps 50 ms
    And task "C" gets the orders through "H"
    Then the outcome of task "C" is timeout
    And counter "http_attempts_H" equals 3
    And the transfer of task "C" took at least 3000 ms

  Scenario: a body slower than the attempt timeout is not cut by it
    When task "K" throttles the proxy of peer "API" to 20 KB/s
    And task "C" sleeps 50 ms
    And task "C" gets the orders through "H"
    Then the outcome of task "C" is completed
    And task "C" received 200 complete jsonl records
    And counter "http_attempts_H" equals 1
    And the transfer of task "C" took at least 1500 ms
