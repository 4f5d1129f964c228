# For TeardownBudgetTests: a peer that hangs when stopped and a task that ignores its token; the end gives up on both
# within the teardown budget and reports each, and once the test releases them nothing of them is left.
@io
Feature: Teardown budget

  Scenario: a hung peer and a hung task
    Given peer "Hung" is a server that hangs when stopped
    And an evil peer "EP" serving 256 bytes
    When peer "Hung" starts
    And task "C" downloads from peer "EP"
    And user task "H" hangs ignoring its token
    Then task "C" received the payload of peer "EP" intact
    And the steps are done
