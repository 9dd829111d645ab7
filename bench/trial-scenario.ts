/**
 * The eight-arm HCC trial of the browser bench's trial row and of the trial's main-thread e2e test: the IMbrave150
 * preset's drugs as arms, with dose and schedule variants. A module of its own (a constant only), so that a test can
 * import it without the bench.
 */
export const EIGHT_ARM_TRIAL = [
  's=hcc-patient',
  'h=540',
  'dt=1',
  'nrf2=0.5',
  'neat1=0',
  'il6=0.1',
  'axl=low',
  'cd8=0',
  'arm=Untreated',
  'arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21',
  'arm=Atezo/bev+%2B+celecoxib*atz:1200@0-540/21*bev:15@0-540/21*cox2:400@0-540/1',
  'arm=Atezo*atz:1200@0-540/21',
  'arm=Bev*bev:15@0-540/21',
  'arm=Atezo+q6w*atz:1680@0-540/42',
  'arm=Atezo/bev+half*atz:1200@0-540/21*bev:7.5@0-540/21',
  'arm=Celecoxib*cox2:400@0-540/1',
].join('&');
