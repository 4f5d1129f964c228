@io
Feature: Transfers under transport faults

  Background:
    Given a peer on loopback serving 256 bytes

  Scenario: Download while the peer misbehaves
    Given one of:
      | the peer sends slices of 1..4 bytes |
      | the peer delays each write by 1 ms  |
      | the peer resets after 100 bytes     |
    When one of:
      | the client downloads everything            |
      | the client reads byte by byte              |
      | task "K" cancels the download after 1 ms   |
    Then the outcome is completed

  @wip
  Scenario: Upload to a peer that never reads
    Given the peer never reads
    When the client uploads 1024 bytes
    Then the outcome is timeout

  Scenario: A step nobody wrote yet
    Given the peer speaks "TLS 1.3" on port 443
