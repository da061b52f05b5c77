"""Pure rules of 依申请公开: regimes, the deadline ledger, fees and the outcome vocabulary.

No models here: the domain services feed clock events in and store what comes out.
"""
