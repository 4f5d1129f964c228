@iterations
Feature: Iterations

  Scenario: fails only on the third run
    Given a step that fails on iteration 2
